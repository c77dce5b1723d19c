// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: uspto.yaml sha256:8c171115aa448ea485aedbbe6f17448290aaeefd05d4f04c28edc175549cbc18
// module: OAI30Uspto accessLevel: public
// file: Client/OAI30UsptoClient.swift
// file: Client/Operations/OAI30UsptoClient+ListDataSets.swift
// file: Client/Operations/OAI30UsptoClient+ListSearchableFields.swift
// file: Client/Operations/OAI30UsptoClient+PerformSearch.swift
// file: Models/DataSetList.swift
// file: Models/PerformSearchRequest.swift
// file: Models/Schemas.swift
