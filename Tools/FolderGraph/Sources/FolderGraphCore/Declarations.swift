import SwiftSyntax

/// Which folder declares each name the references can resolve to: top-level types, free functions, top-level
/// constants, and members (including nested types) per type, whether declared in the type or in an extension.
public struct Declarations {
    /// Top-level types and typealiases; a name is declared once per module, but keep all folders to report clashes.
    var types: [String: Set<String>] = [:]
    var functions: [String: Set<String>] = [:]
    var constants: [String: Set<String>] = [:]
    /// members[type][member]: the folders declaring that member of that type (one per overload's folder).
    var members: [String: [String: Set<String>]] = [:]
    /// nestedParents[name]: the types declaring a nested type of that name, which shadows a top-level one inside.
    var nestedParents: [String: Set<String>] = [:]

    public init(_ files: [SourceFile]) {
        for file in files {
            let collector = DeclarationCollector(folder: file.folder)
            collector.walk(file.tree)
            merge(collector.found)
        }
    }

    private mutating func merge(_ other: Declarations) {
        types.merge(other.types) { $0.union($1) }
        functions.merge(other.functions) { $0.union($1) }
        constants.merge(other.constants) { $0.union($1) }
        nestedParents.merge(other.nestedParents) { $0.union($1) }
        for (type, byName) in other.members {
            members[type, default: [:]].merge(byName) { $0.union($1) }
        }
    }

    init() {}

    /// The one folder declaring `name` in `table`, or nil when none or several do (then no edge is guessed).
    static func unique(_ name: String, in table: [String: Set<String>]) -> String? {
        guard let folders = table[name], folders.count == 1 else { return nil }
        return folders.first
    }

    /// The folder that declares `member` of `type` (in the type or in an extension), when exactly one does.
    func memberFolder(_ type: String, _ member: String) -> String? {
        members[type].flatMap { Self.unique(member, in: $0) }
    }

    func typeFolder(_ name: String) -> String? { Self.unique(name, in: types) }

    func hasMember(_ type: String, _ member: String) -> Bool { members[type]?[member] != nil }
}

/// Walks one file's declarations, keeping the stack of enclosing types so that members land on their type.
final class DeclarationCollector: SyntaxVisitor {
    let folder: String
    var found = Declarations()
    private var enclosing: [String] = []

    init(folder: String) {
        self.folder = folder
        super.init(viewMode: .sourceAccurate)
    }

    private func declare(_ name: String, type: Bool) {
        if let parent = enclosing.last {
            found.members[parent, default: [:]][name, default: []].insert(folder)
            if type { found.nestedParents[name, default: []].insert(parent) }
        } else if type {
            found.types[name, default: []].insert(folder)
        }
    }

    private func enter(_ name: String) -> SyntaxVisitorContinueKind {
        declare(name, type: true)
        enclosing.append(name)
        return .visitChildren
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: StructDeclSyntax) { enclosing.removeLast() }
    override func visitPost(_ node: ClassDeclSyntax) { enclosing.removeLast() }
    override func visitPost(_ node: EnumDeclSyntax) { enclosing.removeLast() }
    override func visitPost(_ node: ActorDeclSyntax) { enclosing.removeLast() }
    override func visitPost(_ node: ProtocolDeclSyntax) { enclosing.removeLast() }

    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        // `extension A.B` adds members to B; the type named is a reference, collected by the reference pass.
        enclosing.append(TypeName.last(of: node.extendedType))
        return .visitChildren
    }

    override func visitPost(_ node: ExtensionDeclSyntax) { enclosing.removeLast() }

    override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
        declare(node.name.text, type: true)
        return .skipChildren
    }

    override func visit(_ node: AssociatedTypeDeclSyntax) -> SyntaxVisitorContinueKind {
        declare(node.name.text, type: true)
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if enclosing.isEmpty {
            found.functions[node.name.text, default: []].insert(folder)
        } else {
            declare(node.name.text, type: false)
        }
        return .skipChildren  // local functions and types in bodies are not the folder's declarations
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        for binding in node.bindings {
            for name in TypeName.identifiers(in: binding.pattern) {
                if enclosing.isEmpty {
                    found.constants[name, default: []].insert(folder)
                } else {
                    declare(name, type: false)
                }
            }
        }
        return .skipChildren
    }

    override func visit(_ node: EnumCaseElementSyntax) -> SyntaxVisitorContinueKind {
        declare(node.name.text, type: false)
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
}

/// Names read off type syntax and patterns.
enum TypeName {
    /// `Foo` for `Foo`, `M.Foo`, `Foo<T>`, `Foo?`; the text itself for anything stranger.
    static func last(of type: TypeSyntax) -> String {
        if let identifier = type.as(IdentifierTypeSyntax.self) { return identifier.name.text }
        if let member = type.as(MemberTypeSyntax.self) { return member.name.text }
        return type.trimmedDescription
    }

    /// The first component: `M` for `M.Foo`, `Foo` for `Foo<T>`.
    static func first(of type: TypeSyntax) -> String {
        if let member = type.as(MemberTypeSyntax.self) { return first(of: member.baseType) }
        return last(of: type)
    }

    /// The names a pattern binds: `a` in `let a`, `a` and `b` in `let (a, b)`.
    static func identifiers(in pattern: PatternSyntax) -> [String] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier.text] }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            return tuple.elements.flatMap { identifiers(in: $0.pattern) }
        }
        return []
    }
}
