import Foundation

/// Reads a Chromium net log (`--log-net-log`) for requests a page made to the network.
public enum NetLog {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "net log \(path): \(reason)"
            }
        }
    }

    /// URLs with a network scheme (http, https, ws, wss, ftp) requested on behalf of a page.
    ///
    /// A request is the browser's own (update checks, account probes, which headless Chromium makes even with
    /// background networking off) when its `URL_REQUEST_START_JOB` says `initiator: "not an origin"`; every other
    /// network request, including one with no initiator at all, counts as the page's. So the check errs towards
    /// reporting: a page fetch cannot hide, and a new kind of browser request would show up rather than pass.
    public static func pageRequests(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.unreadable(path: path, reason: "no such file (did Chromium start?)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: Self.completed(data)) as? [String: Any],
            let constants = root["constants"] as? [String: Any],
            let sourceTypes = constants["logSourceType"] as? [String: Int],
            let events = root["events"] as? [[String: Any]]
        else {
            throw Failure.unreadable(path: path, reason: "not a Chromium net log")
        }
        let urlRequest = sourceTypes["URL_REQUEST"]
        var urls: [Int: String] = [:]
        var browserOwn: Set<Int> = []
        for event in events {
            guard let source = event["source"] as? [String: Any], let id = source["id"] as? Int,
                source["type"] as? Int == urlRequest, let params = event["params"] as? [String: Any]
            else { continue }
            if let url = params["url"] as? String, isNetwork(url) { urls[id] = url }
            if params["initiator"] as? String == "not an origin" { browserOwn.insert(id) }
        }
        return urls.filter { !browserOwn.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
    }

    static func isNetwork(_ url: String) -> Bool {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        return ["http", "https", "ws", "wss", "ftp"].contains(scheme)
    }

    /// A log cut short (the browser killed mid-write) lacks its closing brackets; add them back.
    private static func completed(_ data: Data) -> Data {
        if (try? JSONSerialization.jsonObject(with: data)) != nil { return data }
        var text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(",") { text.removeLast() }
        return Data((text + "]}").utf8)
    }
}
