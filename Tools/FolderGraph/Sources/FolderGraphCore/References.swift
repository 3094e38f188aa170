import SwiftSyntax

/// One use, in one file, of a name another folder declares.
public struct Reference: Equatable, Sendable {
    public let from: String
    public let to: String
    public let file: String
    public let line: Int
    /// The name as written: `JSONValue`, `atomicWrite`, `Runner.atomicWrite`.
    public let name: String
}

/// Walks one file and resolves the names it uses against the declarations of the whole tree.
///
/// Syntax only, no type checking: type names, member-access bases written as a type (`Foo.bar`), unqualified
/// members of the enclosing type (possibly declared in another folder's extension), called free functions and
/// top-level constants. A member reached through a value (`value.bar`) is not resolved.
final class ReferenceCollector: SyntaxVisitor {
    private let file: SourceFile
    private let declarations: Declarations
    private var genericNames: Set<String> = []
    private var enclosing: [String] = []
    /// The names bound inside each enclosing function or closure (parameters, `let`, `var`, `if let`, `case let`):
    /// used unqualified, they are locals, not members or free functions of the same name.
    private var locals: [Set<String>] = []
    private(set) var found: [Reference] = []

    init(file: SourceFile, declarations: Declarations) {
        self.file = file
        self.declarations = declarations
        super.init(viewMode: .sourceAccurate)
        let generics = GenericNames(viewMode: .sourceAccurate)
        generics.walk(file.tree)
        genericNames = generics.names
    }

    static func references(in file: SourceFile, _ declarations: Declarations) -> [Reference] {
        let collector = ReferenceCollector(file: file, declarations: declarations)
        collector.walk(file.tree)
        return collector.found
    }

    private func add(_ folder: String?, _ name: String, at node: some SyntaxProtocol) {
        guard let folder, folder != file.folder else { return }
        found.append(Reference(from: file.folder, to: folder, file: file.path, line: file.line(of: node), name: name))
    }

    /// The innermost enclosing type that has a member of this name: inside it, the name means that member.
    private func enclosingOwner(of name: String) -> String? {
        enclosing.last { declarations.hasMember($0, name) }
    }

    /// A type name written alone: a nested type of an enclosing type shadows a top-level one; generic parameters
    /// shadow both.
    private func typeName(_ name: String, at node: some SyntaxProtocol) {
        if genericNames.contains(name) { return }
        if let owner = enclosingOwner(of: name) {
            add(declarations.memberFolder(owner, name), name, at: node)
        } else {
            add(declarations.typeFolder(name), name, at: node)
        }
    }

    // MARK: Declarations that open a scope

    private func enter(_ name: String) -> SyntaxVisitorContinueKind {
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
        // The extended type is a reference like any other (visited below, before the scope matters for it).
        walk(node.extendedType)
        enclosing.append(TypeName.last(of: node.extendedType))
        if let clause = node.inheritanceClause { walk(clause) }
        if let clause = node.genericWhereClause { walk(clause) }
        walk(node.memberBlock)
        enclosing.removeLast()
        return .skipChildren
    }

    // MARK: Bodies whose locals shadow other names

    private func bind(_ node: some SyntaxProtocol) -> SyntaxVisitorContinueKind {
        let names = LocalNames(viewMode: .sourceAccurate)
        names.walk(node)
        locals.append(names.names)
        return .visitChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { bind(node) }
    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind { bind(node) }
    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind { bind(node) }
    override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind { bind(node) }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { bind(node) }
    override func visitPost(_ node: FunctionDeclSyntax) { locals.removeLast() }
    override func visitPost(_ node: InitializerDeclSyntax) { locals.removeLast() }
    override func visitPost(_ node: SubscriptDeclSyntax) { locals.removeLast() }
    override func visitPost(_ node: AccessorBlockSyntax) { locals.removeLast() }
    override func visitPost(_ node: ClosureExprSyntax) { locals.removeLast() }

    // MARK: Types

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        typeName(node.name.text, at: node)
        return .visitChildren
    }

    override func visit(_ node: MemberTypeSyntax) -> SyntaxVisitorContinueKind {
        if let base = node.baseType.as(IdentifierTypeSyntax.self) {
            let owner = base.name.text
            if let folder = declarations.memberFolder(owner, node.name.text), folder != declarations.typeFolder(owner) {
                add(folder, "\(owner).\(node.name.text)", at: node)
            }
        }
        return .visitChildren
    }

    // MARK: Expressions

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        let name = node.baseName.text
        if let access = node.parent?.as(MemberAccessExprSyntax.self), access.declName.id == node.id {
            return .visitChildren  // the member of `x.name`: resolved in visit(MemberAccessExprSyntax) if at all
        }
        if locals.contains(where: { $0.contains(name) }) { return .visitChildren }
        if let owner = enclosingOwner(of: name) {
            add(declarations.memberFolder(owner, name), name, at: node)
        } else if name.first?.isUppercase == true, declarations.types[name] != nil {
            typeName(name, at: node)
        } else if let call = node.parent?.as(FunctionCallExprSyntax.self), call.calledExpression.id == node.id {
            add(Declarations.unique(name, in: declarations.functions), name, at: node)
        } else {
            add(Declarations.unique(name, in: declarations.constants), name, at: node)
        }
        return .visitChildren
    }

    override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
        guard let base = node.base?.as(DeclReferenceExprSyntax.self) else { return .visitChildren }
        let owner = base.baseName.text
        let member = node.declName.baseName.text
        if owner == "self" || owner == "Self" {
            if let type = enclosing.last { add(declarations.memberFolder(type, member), member, at: node) }
        } else if owner.first?.isUppercase == true, let folder = declarations.memberFolder(owner, member),
            folder != declarations.typeFolder(owner)
        {
            // A member declared in another folder's extension: an edge to that folder (the type's own is below).
            add(folder, "\(owner).\(member)", at: node)
        }
        return .visitChildren
    }
}

/// The generic parameter names a file declares anywhere: inside their scope they shadow type names.
private final class GenericNames: SyntaxVisitor {
    var names: Set<String> = []

    override func visit(_ node: GenericParameterSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.name.text)
        return .visitChildren
    }
}

/// The names a function, accessor or closure binds anywhere inside it (flow-insensitive: enough to tell a local
/// from a member or free function of the same name).
private final class LocalNames: SyntaxVisitor {
    var names: Set<String> = []

    override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.identifier.text)
        return .visitChildren
    }

    override func visit(_ node: FunctionParameterSyntax) -> SyntaxVisitorContinueKind {
        names.insert((node.secondName ?? node.firstName).text)
        return .visitChildren
    }

    override func visit(_ node: ClosureParameterSyntax) -> SyntaxVisitorContinueKind {
        names.insert((node.secondName ?? node.firstName).text)
        return .visitChildren
    }

    override func visit(_ node: ClosureShorthandParameterSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.name.text)
        return .visitChildren
    }

    override func visit(_ node: AccessorParametersSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.name.text)
        return .visitChildren
    }
}
