using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tracing.Compilation;

/// <summary>
/// Compiles methods before their first call, without calling them: the JIT then runs on the receive thread before the
/// subscription opens, not while the first events wait (a first exec that waits for the JIT of its path loses its argv
/// to a process that lives under a millisecond). Compiled into each assembly that warms its own path. Under Native AOT
/// everything is compiled already and this does nothing.
/// </summary>
internal static class AheadOfFirstCall
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Compiles the methods of <paramref name="type"/> named <paramref name="names"/> (every overload; not generic ones).</summary>
    public static void Compile(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type type,
        params ReadOnlySpan<string> names)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return;
        }

        foreach (var method in type.GetMethods(Declared))
        {
            if (!method.IsGenericMethodDefinition && !method.IsAbstract && !method.ContainsGenericParameters && names.Contains(method.Name))
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }
}
