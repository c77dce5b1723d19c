// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:a99493968c75462e19a1fbc682ff48a830b64154e6ebadcb3db20d9041af0270
// module: UnionsFixture accessLevel: public
// file: Client/Operations/UnionsFixtureClient+CreateHolder.swift
// file: Client/Operations/UnionsFixtureClient+GetPaymentMethod.swift
// file: Client/UnionsFixtureClient.swift
// file: Models/BankAccount.swift
// file: Models/Card.swift
// file: Models/Circle.swift
// file: Models/Customer.swift
// file: Models/ExpandableCustomer.swift
// file: Models/Holder.swift
// file: Models/IntegerOrString.swift
// file: Models/PaymentMethod.swift
// file: Models/Schemas.swift
// file: Models/Shape.swift
// file: Models/ShapeReversed.swift
// file: Models/Square.swift
