// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: petstore-expanded.yaml sha256:b1633b6309c065c43d56be7c659b0f2c4be03be5a4013b7c3f74b32bd33f62eb
// module: OAI30PetstoreExpanded accessLevel: public
// file: Client/OAI30PetstoreExpandedClient.swift
// file: Client/Operations/OAI30PetstoreExpandedClient+AddPet.swift
// file: Client/Operations/OAI30PetstoreExpandedClient+DeletePet.swift
// file: Client/Operations/OAI30PetstoreExpandedClient+FindPetByID.swift
// file: Client/Operations/OAI30PetstoreExpandedClient+FindPets.swift
// file: Models/ErrorModel.swift
// file: Models/NewPet.swift
// file: Models/Pet.swift
// file: Models/Schemas.swift
