namespace Tracing.Kernel.Tests.Packaging;

/// <summary>What a C# block of the docs is, as its marker says (docs/packaging.md, "C# in the docs").</summary>
public enum SnippetKind
{
    /// <summary>No marker: a whole program (top-level statements), built as a console app and run; it must exit 0.</summary>
    Program,

    /// <summary><c>&lt;!-- snippet: compile-only --&gt;</c>: a whole program that is built but not run (one that runs until stopped).</summary>
    CompileOnly,

    /// <summary><c>&lt;!-- snippet: fragment --&gt;</c>: statements, built as the body of an async method (its using directives above it), never run.</summary>
    Fragment,
}
