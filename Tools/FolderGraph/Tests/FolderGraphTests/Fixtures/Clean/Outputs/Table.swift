// Outputs takes plain values, and knows nothing of Run.
enum Table {
    static func write(rows: [String]) -> JSONValue { .null }
}
