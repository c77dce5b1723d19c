// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: api-with-examples.yaml sha256:f7dc3d69f69ca11ae3e7e6ee702aff13fee3faca565033058d9fd073a15d9d45
// module: OAI30ApiWithExamples accessLevel: public
// file: Client/OAI30APIWithExamplesClient+V2.swift
// file: Client/OAI30APIWithExamplesClient.swift
// file: Client/Operations/OAI30APIWithExamplesClient+ListVersionsv2.swift
// file: Client/V2/V2+GetVersionDetails.swift
// file: Models/Schemas.swift
