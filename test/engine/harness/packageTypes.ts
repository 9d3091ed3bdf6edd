import type { ICredentialType, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ClickBankInsApi } from '../../../credentials/ClickBankInsApi.credentials';
import { PinterestAdsOAuth2Api } from '../../../credentials/PinterestAdsOAuth2Api.credentials';
import { PinterestConversionsApi } from '../../../credentials/PinterestConversionsApi.credentials';
import { ClickBankTrigger } from '../../../nodes/ClickBankTrigger/ClickBankTrigger.node';
import { PinterestAdSpend } from '../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { PinterestConversions } from '../../../nodes/PinterestConversions/PinterestConversions.node';

/** The package name n8n prefixes its node types with (package.json "name"). */
const PACKAGE = 'n8n-nodes-pinterest-ads';

/** This package's nodes (the TypeScript sources, as the build compiles them), by n8n's full type name. */
const NODES: Record<string, INodeType> = Object.fromEntries(
	[new PinterestAdSpend(), new PinterestConversions(), new ClickBankTrigger()].map((node) => [
		`${PACKAGE}.${node.description.name}`,
		node,
	]),
);

export type PackageNode = 'pinterestAdSpend' | 'pinterestConversions' | 'clickBankTrigger';

export const nodeTypeName = (node: PackageNode) => `${PACKAGE}.${node}`;

export function packageNode(node: PackageNode): INodeType {
	return NODES[nodeTypeName(node)];
}

/**
 * What n8n's engine asks of its node registry, answered from this package alone: another package's node (a
 * Webhook before the node under test) is unknown, which n8n accepts of a node it does not run.
 */
export const packageNodeTypes: INodeTypes = {
	getByName: (type) => NODES[type],
	getByNameAndVersion: (type, version) =>
		NODES[type] && NodeHelpers.getVersionedNodeType(NODES[type], version),
	getKnownTypes: () => ({}),
};

/** This package's credential types by name. */
export const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[new PinterestAdsOAuth2Api(), new PinterestConversionsApi(), new ClickBankInsApi()].map(
		(credential) => [credential.name, credential],
	),
);
