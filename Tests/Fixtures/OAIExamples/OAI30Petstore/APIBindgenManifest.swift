// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: petstore.yaml sha256:598136cb904e17e8eeead51ae33dd8d401fdff455d2d74f3869c4aa5f2742266
// module: OAI30Petstore accessLevel: public
// file: Client/OAI30PetstoreClient.swift
// file: Client/Operations/OAI30PetstoreClient+CreatePets.swift
// file: Client/Operations/OAI30PetstoreClient+ListPets.swift
// file: Client/Operations/OAI30PetstoreClient+ShowPetByID.swift
// file: Models/ErrorModel.swift
// file: Models/Pet.swift
// file: Models/Pets.swift
// file: Models/Schemas.swift
