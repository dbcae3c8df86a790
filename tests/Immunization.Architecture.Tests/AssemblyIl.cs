using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Immunization.Architecture.Tests;

/// <summary>
/// Every use one type of an assembly makes of another type or member, read from the assembly's metadata and IL
/// (signatures, base types, attributes, locals, method bodies), so a dependency hidden in a method body counts too.
/// </summary>
internal sealed class AssemblyIl
{
    private readonly List<(TypeDefinition From, TypeReference To)> _typeUses = [];
    private readonly List<(MethodDefinition From, MemberReference To)> _memberUses = [];

    private AssemblyIl(ModuleDefinition module)
    {
        Module = module;
        foreach (var type in module.GetTypes())
        {
            Collect(type);
        }
    }

    /// <summary>The assembly's main module.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>Every (type, type it uses) pair, types of every assembly.</summary>
    public IReadOnlyList<(TypeDefinition From, TypeReference To)> TypeUses => _typeUses;

    /// <summary>Every (method, member its body calls or reads), members of every assembly.</summary>
    public IReadOnlyList<(MethodDefinition From, MemberReference To)> MemberUses => _memberUses;

    /// <summary>Reads a referenced assembly of ours from the test's output folder.</summary>
    public static AssemblyIl Load(string assemblyName)
    {
        var path = Assembly.Load(new AssemblyName(assemblyName)).Location;
        return new AssemblyIl(ModuleDefinition.ReadModule(path));
    }

    /// <summary>The namespace a type belongs to: a nested type's is its outermost declaring type's.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>Whether a type reference names a type defined in this assembly.</summary>
    public bool Defines(TypeReference type) => type.Scope is ModuleDefinition m && m == Module;

    private void Collect(TypeDefinition type)
    {
        Use(type, type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Use(type, i.InterfaceType);
        }

        Attributes(type, type);
        Constraints(type, type.GenericParameters);

        foreach (var f in type.Fields)
        {
            Use(type, f.FieldType);
            Attributes(type, f);
        }

        foreach (var p in type.Properties)
        {
            Use(type, p.PropertyType);
            Attributes(type, p);
        }

        foreach (var e in type.Events)
        {
            Use(type, e.EventType);
        }

        foreach (var m in type.Methods)
        {
            Method(type, m);
        }
    }

    private void Method(TypeDefinition type, MethodDefinition method)
    {
        Use(type, method.ReturnType);
        Attributes(type, method);
        foreach (var p in method.Parameters)
        {
            Use(type, p.ParameterType);
            Attributes(type, p);
        }

        Constraints(type, method.GenericParameters);

        if (!method.HasBody)
        {
            return;
        }

        foreach (var v in method.Body.Variables)
        {
            Use(type, v.VariableType);
        }

        foreach (var h in method.Body.ExceptionHandlers)
        {
            Use(type, h.CatchType);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    Use(type, t);
                    break;
                case MethodReference m:
                    _memberUses.Add((method, m));
                    Use(type, m.DeclaringType);
                    Use(type, m.ReturnType);
                    foreach (var p in m.Parameters)
                    {
                        Use(type, p.ParameterType);
                    }

                    if (m is GenericInstanceMethod gm)
                    {
                        foreach (var a in gm.GenericArguments)
                        {
                            Use(type, a);
                        }
                    }

                    break;
                case FieldReference f:
                    _memberUses.Add((method, f));
                    Use(type, f.DeclaringType);
                    Use(type, f.FieldType);
                    break;
            }
        }
    }

    private void Constraints(TypeDefinition type, IEnumerable<GenericParameter> parameters)
    {
        foreach (var p in parameters)
        {
            foreach (var c in p.Constraints)
            {
                Use(type, c.ConstraintType);
            }
        }
    }

    private void Attributes(TypeDefinition type, Mono.Cecil.ICustomAttributeProvider provider)
    {
        foreach (var a in provider.CustomAttributes)
        {
            Use(type, a.AttributeType);
            foreach (var arg in a.ConstructorArguments)
            {
                if (arg.Value is TypeReference t)
                {
                    Use(type, t);
                }
            }
        }
    }

    private void Use(TypeDefinition from, TypeReference? to)
    {
        switch (to)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType g:
                Use(from, g.ElementType);
                foreach (var a in g.GenericArguments)
                {
                    Use(from, a);
                }

                return;
            case IModifierType m:
                Use(from, m.ModifierType);
                Use(from, ((TypeSpecification)to).ElementType);
                return;
            case TypeSpecification s:
                Use(from, s.ElementType);
                return;
            default:
                _typeUses.Add((from, to));
                return;
        }
    }
}
