/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query StoreHome($search: String, $aisle: String, $certifiedOnly: Boolean) {\n    aisles {\n      name\n      components\n      description\n    }\n    components(search: $search, aisle: $aisle, certifiedOnly: $certifiedOnly, first: 100) {\n      totalCount\n      nodes {\n        name\n        aisle\n        visibility\n        latest {\n          version\n          title\n          description\n          deprecated\n          provides\n          certification {\n            level\n            verified\n          }\n        }\n      }\n    }\n  }\n": typeof types.StoreHomeDocument,
    "\n  query ComponentPage($name: String!, $range: String!) {\n    component(name: $name) {\n      name\n      organization\n      visibility\n      latest {\n        version\n      }\n      versions {\n        version\n        deprecated\n      }\n      version(range: $range) {\n        version\n        title\n        description\n        aisle\n        image\n        license\n        publisher\n        deprecated\n        provides\n        notes\n        certification {\n          level\n          certifier\n          issuedAt\n          verified\n          reason\n        }\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n": typeof types.ComponentPageDocument,
    "\n  query ValidateInputs($component: String!, $range: String, $inputs: JSONObject!) {\n    validateInputs(component: $component, range: $range, inputs: $inputs) {\n      valid\n      errors {\n        code\n        path\n        message\n      }\n    }\n  }\n": typeof types.ValidateInputsDocument,
    "\n  query ComposePreview($app: String!, $target: Target) {\n    compose(app: $app, target: $target) {\n      files {\n        path\n        content\n      }\n      warnings {\n        code\n        path\n        message\n      }\n    }\n  }\n": typeof types.ComposePreviewDocument,
    "\n  query BuilderCatalog {\n    components(first: 100) {\n      nodes {\n        name\n        visibility\n        latest {\n          title\n        }\n      }\n    }\n  }\n": typeof types.BuilderCatalogDocument,
    "\n  query BuilderComponent($name: String!) {\n    component(name: $name) {\n      name\n      latest {\n        version\n        title\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n": typeof types.BuilderComponentDocument,
    "\n  query Viewer {\n    viewer {\n      organization\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query StoreHome($search: String, $aisle: String, $certifiedOnly: Boolean) {\n    aisles {\n      name\n      components\n      description\n    }\n    components(search: $search, aisle: $aisle, certifiedOnly: $certifiedOnly, first: 100) {\n      totalCount\n      nodes {\n        name\n        aisle\n        visibility\n        latest {\n          version\n          title\n          description\n          deprecated\n          provides\n          certification {\n            level\n            verified\n          }\n        }\n      }\n    }\n  }\n": types.StoreHomeDocument,
    "\n  query ComponentPage($name: String!, $range: String!) {\n    component(name: $name) {\n      name\n      organization\n      visibility\n      latest {\n        version\n      }\n      versions {\n        version\n        deprecated\n      }\n      version(range: $range) {\n        version\n        title\n        description\n        aisle\n        image\n        license\n        publisher\n        deprecated\n        provides\n        notes\n        certification {\n          level\n          certifier\n          issuedAt\n          verified\n          reason\n        }\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n": types.ComponentPageDocument,
    "\n  query ValidateInputs($component: String!, $range: String, $inputs: JSONObject!) {\n    validateInputs(component: $component, range: $range, inputs: $inputs) {\n      valid\n      errors {\n        code\n        path\n        message\n      }\n    }\n  }\n": types.ValidateInputsDocument,
    "\n  query ComposePreview($app: String!, $target: Target) {\n    compose(app: $app, target: $target) {\n      files {\n        path\n        content\n      }\n      warnings {\n        code\n        path\n        message\n      }\n    }\n  }\n": types.ComposePreviewDocument,
    "\n  query BuilderCatalog {\n    components(first: 100) {\n      nodes {\n        name\n        visibility\n        latest {\n          title\n        }\n      }\n    }\n  }\n": types.BuilderCatalogDocument,
    "\n  query BuilderComponent($name: String!) {\n    component(name: $name) {\n      name\n      latest {\n        version\n        title\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n": types.BuilderComponentDocument,
    "\n  query Viewer {\n    viewer {\n      organization\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreHome($search: String, $aisle: String, $certifiedOnly: Boolean) {\n    aisles {\n      name\n      components\n      description\n    }\n    components(search: $search, aisle: $aisle, certifiedOnly: $certifiedOnly, first: 100) {\n      totalCount\n      nodes {\n        name\n        aisle\n        visibility\n        latest {\n          version\n          title\n          description\n          deprecated\n          provides\n          certification {\n            level\n            verified\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoreHome($search: String, $aisle: String, $certifiedOnly: Boolean) {\n    aisles {\n      name\n      components\n      description\n    }\n    components(search: $search, aisle: $aisle, certifiedOnly: $certifiedOnly, first: 100) {\n      totalCount\n      nodes {\n        name\n        aisle\n        visibility\n        latest {\n          version\n          title\n          description\n          deprecated\n          provides\n          certification {\n            level\n            verified\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComponentPage($name: String!, $range: String!) {\n    component(name: $name) {\n      name\n      organization\n      visibility\n      latest {\n        version\n      }\n      versions {\n        version\n        deprecated\n      }\n      version(range: $range) {\n        version\n        title\n        description\n        aisle\n        image\n        license\n        publisher\n        deprecated\n        provides\n        notes\n        certification {\n          level\n          certifier\n          issuedAt\n          verified\n          reason\n        }\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComponentPage($name: String!, $range: String!) {\n    component(name: $name) {\n      name\n      organization\n      visibility\n      latest {\n        version\n      }\n      versions {\n        version\n        deprecated\n      }\n      version(range: $range) {\n        version\n        title\n        description\n        aisle\n        image\n        license\n        publisher\n        deprecated\n        provides\n        notes\n        certification {\n          level\n          certifier\n          issuedAt\n          verified\n          reason\n        }\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidateInputs($component: String!, $range: String, $inputs: JSONObject!) {\n    validateInputs(component: $component, range: $range, inputs: $inputs) {\n      valid\n      errors {\n        code\n        path\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ValidateInputs($component: String!, $range: String, $inputs: JSONObject!) {\n    validateInputs(component: $component, range: $range, inputs: $inputs) {\n      valid\n      errors {\n        code\n        path\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposePreview($app: String!, $target: Target) {\n    compose(app: $app, target: $target) {\n      files {\n        path\n        content\n      }\n      warnings {\n        code\n        path\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComposePreview($app: String!, $target: Target) {\n    compose(app: $app, target: $target) {\n      files {\n        path\n        content\n      }\n      warnings {\n        code\n        path\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuilderCatalog {\n    components(first: 100) {\n      nodes {\n        name\n        visibility\n        latest {\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BuilderCatalog {\n    components(first: 100) {\n      nodes {\n        name\n        visibility\n        latest {\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuilderComponent($name: String!) {\n    component(name: $name) {\n      name\n      latest {\n        version\n        title\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BuilderComponent($name: String!) {\n    component(name: $name) {\n      name\n      latest {\n        version\n        title\n        inputs {\n          name\n          type\n          required\n          default\n          secret\n          generated\n          description\n          enum\n        }\n        outputs {\n          name\n          description\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      organization\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      organization\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;