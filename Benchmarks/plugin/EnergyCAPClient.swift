// The bindings come from the build plugin at build time (see the package manifest). This file is
// named for the target: swift-openapi-generator writes Types.swift and Client.swift beside it.
