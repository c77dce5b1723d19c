// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: link-example.yaml sha256:4b7b29d7bda1cf95f8c027500c86a9eb3761dfee42f1a8aeb095c5c0b5ccde3b
// module: OAI30LinkExample accessLevel: public
// file: Client/OAI30LinkExampleClient.swift
// file: Client/Operations/OAI30LinkExampleClient+GetPullRequestsByID.swift
// file: Client/Operations/OAI30LinkExampleClient+GetPullRequestsByRepository.swift
// file: Client/Operations/OAI30LinkExampleClient+GetRepositoriesByOwner.swift
// file: Client/Operations/OAI30LinkExampleClient+GetRepository.swift
// file: Client/Operations/OAI30LinkExampleClient+GetUserByName.swift
// file: Client/Operations/OAI30LinkExampleClient+MergePullRequest.swift
// file: Models/GetPullRequestsByRepositoryState.swift
// file: Models/Pullrequest.swift
// file: Models/Repository.swift
// file: Models/Schemas.swift
// file: Models/User.swift
