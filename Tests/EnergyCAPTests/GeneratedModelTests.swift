import BindingRuntime
import EnergyCAP
import Foundation
import Testing

/// The generated models' Codable shape, without the network.
@Suite struct GeneratedModelTests {
    @Test func requestEncodesJSONNamesAndOmitsNilOptionals() throws {
        let request = DataAccessReleaseRequest(accountNumber: "212345678901", nameOnBill: "N", serviceAddress: "S")
        let text = String(decoding: try JSONCoding.encoder().encode(request), as: UTF8.self)
        #expect(text == #"{"accountNumber":"212345678901","nameOnBill":"N","serviceAddress":"S"}"#)
    }

    @Test func enumRoundTripsListedAndUnknownValues() throws {
        for raw in [1, 2, 3, 4, 5, 6, -1] {
            let decoded = try JSONDecoder().decode(DataAccessReleaseStatusID.self, from: Data("\(raw)".utf8))
            #expect(decoded.rawValue == Int32(raw))
            #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == "\(raw)")
        }
        #expect(DataAccessReleaseStatusID(rawValue: 5) == .declined)
        #expect(DataAccessReleaseStatusID.unknown(5) == .declined)
        #expect(DataAccessReleaseStatusID.unknown(6) != .declined)
        // OpenEnumeration's hash(into:) agrees with its ==: one element for the two spellings of 5.
        #expect(Set<DataAccessReleaseStatusID>([.unknown(5), .declined, .unknown(6)]).count == 2)
        #expect(DataAccessReleaseStatusID.unknown(5).hashValue == DataAccessReleaseStatusID.declined.hashValue)
        #expect(DataAccessReleaseStatusID.allCases.count == 5)
    }

    @Test func idPropertyKeepsItsJSONName() throws {
        let status = DataAccessReleaseStatus(dataAccessReleaseStatusID: .required, dataAccessReleaseStatusInfo: "Required")
        let object = try JSONSerialization.jsonObject(with: JSONCoding.encoder().encode(status)) as? [String: Any]
        #expect(object?["dataAccessReleaseStatusId"] as? Int == 2)
    }
}
