'use strict';
// Express and GraphQL servers forced into development mode.
const express = require('express');
const errorhandler = require('errorhandler');
const { ApolloServer } = require('apollo-server-express');

process.env.NODE_ENV = 'development'; // vuln: debug-enabled

const app = express();
app.set('env', 'development'); // vuln: debug-enabled
app.use(errorhandler()); // vuln: debug-enabled

const apollo = new ApolloServer({ typeDefs: '', resolvers: {}, debug: true }); // vuln: debug-enabled

const graphql = new ApolloServer({ typeDefs: '', introspection: true, includeStacktraceInErrorResponses: true }); // vuln: debug-enabled

// --- near misses ------------------------------------------------------------------------------

if (process.env.NODE_ENV === 'development') { // safe: debug-enabled
  app.use(errorhandler());
}

const quiet = new ApolloServer({ typeDefs: '', resolvers: {}, debug: false }); // safe: debug-enabled

module.exports = { app, apollo, graphql, quiet };
