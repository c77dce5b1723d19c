// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: non-oauth-scopes.yaml sha256:b50f4c3aef8af9d9e95e67a60893bdffd9f7bc28c2fb0bbf59b34ae534cd5f9b
// module: OAI31NonOauthScopes accessLevel: public
// file: Client/OAI31NonOauthScopesClient.swift
// file: Client/Operations/OAI31NonOauthScopesClient+GetUsers.swift
// file: Models/Schemas.swift
