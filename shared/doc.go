// Package shared contains the types that the Loupe server and the Loupe web app
// both use: the JSON contracts of the HTTP API, the model registry and the
// names of media types. It imports only the standard library, so it compiles
// into the WebAssembly bundle as well as into the server.
package shared
