// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:bf226effc1b34f9e1d652dbaeb84c603ec60bb11afd1029489f829bc93c4e3e6
// module: MultiFileFixture accessLevel: public
// input: common.yaml sha256:b75344292396f42a56eab8a92be8848acb78be79d81bea465a50308ac5469ac8
// input: paths/pets.yaml sha256:05cb5cd8d0e04e745a8cdf869f6a160699916b215bb1bb8ffb50a25cda63c06d
// input: schemas/pet.yaml sha256:279c84b0a9ff2a9f8cc0e7c30994b3f6396c64792802d242404ea80b71733277
// file: Client/MultiFileFixtureClient.swift
// file: Client/Operations/MultiFileFixtureClient+CreatePet.swift
// file: Client/Operations/MultiFileFixtureClient+GetLabels.swift
// file: Client/Operations/MultiFileFixtureClient+GetPet.swift
// file: Client/Operations/MultiFileFixtureClient+ListPets.swift
// file: Models/Labels.swift
// file: Models/Money.swift
// file: Models/Pet.swift
// file: Models/Problem.swift
// file: Models/Schemas.swift
