// Generated code and its callers use swift-http-types' currency types (`HTTPRequest`,
// `HTTPResponse`, `HTTPFields`) through this module.
@_exported public import HTTPTypes
