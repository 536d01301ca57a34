// The GraphQL IDE of the Aisle service: GraphiQL pointed at this server's /graphql.
(function () {
  'use strict';
  var defaultQuery = [
    '# Walk the aisles: what the store holds.',
    '{',
    '  aisles { name components }',
    '  components(first: 5) {',
    '    edges { node { name latest { version title inputs { name type required secret } } } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
    '',
  ].join('\n');
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('ide'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, shouldPersistHeaders: false }));
})();
