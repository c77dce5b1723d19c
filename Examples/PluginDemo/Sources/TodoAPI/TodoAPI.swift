// The generated bindings are added by APIBindgenPlugin at build time; see api-bindgen.yaml.
