import { graphql } from './gql';

/** Home: the aisles and the components that match the filters. */
export const StoreHomeQuery = graphql(`
  query StoreHome($search: String, $aisle: String, $certifiedOnly: Boolean) {
    aisles {
      name
      components
      description
    }
    components(search: $search, aisle: $aisle, certifiedOnly: $certifiedOnly, first: 100) {
      totalCount
      nodes {
        name
        aisle
        visibility
        latest {
          version
          title
          description
          deprecated
          provides
          certification {
            level
            verified
          }
        }
      }
    }
  }
`);

/** A component page: every version, and the chosen one in full. */
export const ComponentPageQuery = graphql(`
  query ComponentPage($name: String!, $range: String!) {
    component(name: $name) {
      name
      organization
      visibility
      latest {
        version
      }
      versions {
        version
        deprecated
      }
      version(range: $range) {
        version
        title
        description
        aisle
        image
        license
        publisher
        deprecated
        provides
        notes
        certification {
          level
          certifier
          issuedAt
          verified
          reason
        }
        inputs {
          name
          type
          required
          default
          secret
          generated
          description
          enum
        }
        outputs {
          name
          description
        }
      }
    }
  }
`);

/** Checks the form's values as the user types. */
export const ValidateInputsQuery = graphql(`
  query ValidateInputs($component: String!, $range: String, $inputs: JSONObject!) {
    validateInputs(component: $component, range: $range, inputs: $inputs) {
      valid
      errors {
        code
        path
        message
      }
    }
  }
`);

/** The bundle's files for the preview (and the app builder's wiring check). */
export const ComposePreviewQuery = graphql(`
  query ComposePreview($app: String!, $target: Target) {
    compose(app: $app, target: $target) {
      files {
        path
        content
      }
      warnings {
        code
        path
        message
      }
    }
  }
`);

/** What the app builder offers: every component you can see, by name. */
export const BuilderCatalogQuery = graphql(`
  query BuilderCatalog {
    components(first: 100) {
      nodes {
        name
        visibility
        latest {
          title
        }
      }
    }
  }
`);

/** A component added to the app: its latest version's inputs and outputs. */
export const BuilderComponentQuery = graphql(`
  query BuilderComponent($name: String!) {
    component(name: $name) {
      name
      latest {
        version
        title
        inputs {
          name
          type
          required
          default
          secret
          generated
          description
          enum
        }
        outputs {
          name
          description
        }
      }
    }
  }
`);

/** Who the pasted token acts for. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      organization
    }
  }
`);
