// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:919a41410e96d323de4d18cabb0856f2e2fbbd59028eb78760f45d1b44e6b5d2
// module: RecursiveFixture accessLevel: public
// file: Client/RecursiveFixtureClient.swift
// file: Models/Folder.swift
// file: Models/Link.swift
// file: Models/Schemas.swift
