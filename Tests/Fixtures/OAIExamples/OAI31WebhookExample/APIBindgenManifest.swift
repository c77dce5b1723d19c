// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: webhook-example.yaml sha256:f9301bd9c561f94b7745415ca501a76d5ad6cd2137286f732fd130e48ce720fb
// module: OAI31WebhookExample accessLevel: public
// file: Client/OAI31WebhookExampleClient.swift
// file: Models/Pet.swift
// file: Models/Schemas.swift
