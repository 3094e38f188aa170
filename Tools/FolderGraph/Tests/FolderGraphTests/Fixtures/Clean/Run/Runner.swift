struct RunContext { var rows: [String] = [] }

enum Runner {
    static func run() -> JSONValue { Table.write(rows: RunContext().rows) }
}
