struct RunContext {}

enum Runner {
    static func run() -> JSONValue { Table.write(RunContext()) }
}
