import CPROJ

/// An authority and a code naming a CRS or an operation, e.g. EPSG and 32647, written `EPSG:32647`.
public struct CRSIdentifier: Hashable, Sendable, CustomStringConvertible {
    public var authority: String
    public var code: String

    public init(authority: String, code: String) {
        self.authority = authority
        self.code = code
    }

    /// The object's own first identifier, nil when it carries none. See `proj_get_id_auth_name`.
    init?(ownedBy pj: OpaquePointer) {
        // both return strings owned by the PJ, NULL when the object has no identifier
        guard let authority = proj_get_id_auth_name(pj, 0), let code = proj_get_id_code(pj, 0) else { return nil }
        self.init(authority: String(cString: authority), code: String(cString: code))
    }

    /// The EPSG CRS PROJ finds equivalent to `pj`, when its best match has a confidence of at least
    /// `minimumConfidence` % and no other match ties with it. See `proj_identify`.
    ///
    /// PROJ's scale (`proj_identify` docs, 9.1): 100 % when the names match and the CRSs are equivalent, 90 % when
    /// they are equivalent and the names nearly match, 70 % when they are equivalent but the names do not match
    /// (a PROJ string has no name), 25 % when they are not equivalent but the names look alike. So 70 % means
    /// "the same CRS", and anything below it is not accepted.
    init?(identifying pj: OpaquePointer, context: ProjContext, minimumConfidence: Int32 = 70) {
        var confidences: UnsafeMutablePointer<Int32>?
        context.beginCall()
        // returns a new list of candidate CRSs, best first (ours to destroy), with their confidences (ours to
        // free); NULL on failure
        guard let list = proj_identify(context.handle, pj, "EPSG", nil, &confidences) else {
            context.beginCall()  // no match is an answer, not an error to keep
            return nil
        }
        defer {
            proj_list_destroy(list)
            proj_int_list_destroy(confidences)
        }
        let count = proj_list_get_count(list)  // returns the number of candidates
        guard count > 0, let confidences, confidences[0] >= minimumConfidence,
            count == 1 || confidences[1] < confidences[0]
        else { return nil }
        // returns a new PJ we destroy, NULL on failure
        guard let best = proj_list_get(context.handle, list, 0) else { return nil }
        defer { proj_destroy(best) }
        self.init(ownedBy: best)
    }

    /// Parses `EPSG:4326` (authority letters, a colon, a code without spaces); nil otherwise.
    init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts[0].first, first.isLetter,
            parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
            !parts[1].isEmpty, !parts[1].contains(where: \.isWhitespace)
        else { return nil }
        self.init(authority: parts[0].uppercased(), code: String(parts[1]))
    }

    public var description: String { "\(authority):\(code)" }
}
