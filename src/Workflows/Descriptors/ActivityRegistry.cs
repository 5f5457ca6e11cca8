using System.Reflection;
using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Workflows.Descriptors;

/// <summary>
/// The activity types the engine knows, read once from their attributes and <see cref="Input{T}"/> /
/// <see cref="Output{T}"/> properties. Builds bound activity objects for the compiler.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<Type> activityTypes)
    {
        foreach (var type in activityTypes)
        {
            var activityType = ActivityType.Read(type);
            if (!_types.TryAdd(activityType.Descriptor.Type, activityType))
                throw new InvalidOperationException($"Two activities are registered as '{activityType.Descriptor.Type}'.");
        }
        Descriptors = _types.Values.Select(t => t.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type).ToArray();
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public ActivityDescriptor? Find(string type) => _types.TryGetValue(type, out var t) ? t.Descriptor : null;

    internal ActivityType? FindType(string type) => _types.GetValueOrDefault(type);
}

internal sealed class ActivityType
{
    private readonly ObjectFactory _factory;

    private ActivityType(Type clrType, ActivityDescriptor descriptor, InputBinding[] inputs, OutputBinding[] outputs)
    {
        ClrType = clrType;
        Descriptor = descriptor;
        Inputs = inputs;
        Outputs = outputs;
        _factory = ActivatorUtilities.CreateFactory(clrType, []);
    }

    public Type ClrType { get; }
    public ActivityDescriptor Descriptor { get; }
    public InputBinding[] Inputs { get; }
    public OutputBinding[] Outputs { get; }
    public bool IsStart => typeof(IStartActivity).IsAssignableFrom(ClrType);

    public IActivity Create(IServiceProvider services) => (IActivity)_factory(services, null);

    public static ActivityType Read(Type type)
    {
        if (!typeof(IActivity).IsAssignableFrom(type))
            throw new InvalidOperationException($"{type.Name} does not implement {nameof(IActivity)}.");
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        var inputs = new List<InputBinding>();
        var outputs = new List<OutputBinding>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var generic = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericTypeDefinition() : null;
            if (generic == typeof(Input<>))
                inputs.Add(InputBinding.For(property, property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute(property.Name)));
            else if (generic == typeof(Output<>))
                outputs.Add(OutputBinding.For(property, property.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute(property.Name)));
        }
        var descriptor = new ActivityDescriptor(
            attribute.Type,
            attribute.DisplayName ?? attribute.Type,
            attribute.Category,
            attribute.Description,
            inputs.Select(i => i.Descriptor).ToArray(),
            outputs.Select(o => o.Descriptor).ToArray(),
            attribute.Outcomes,
            typeof(IDynamicOutcomes).IsAssignableFrom(type),
            typeof(IResumableActivity).IsAssignableFrom(type));
        return new ActivityType(type, descriptor, inputs.ToArray(), outputs.ToArray());
    }

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Binds one <see cref="Input{T}"/> property from a node's expression (or the declared default).</summary>
internal sealed class InputBinding
{
    private static readonly MethodInfo CreateMethod = typeof(InputBinding).GetMethod(nameof(CreateInput), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly PropertyInfo _property;
    private readonly Func<ExpressionEngine, string, ExpressionSpec, object> _create;

    private InputBinding(PropertyInfo property, InputDescriptor descriptor, Type valueType, ExpressionSpec? defaultSpec)
    {
        _property = property;
        Descriptor = descriptor;
        ValueType = valueType;
        Default = defaultSpec;
        _create = CreateMethod.MakeGenericMethod(valueType).CreateDelegate<Func<ExpressionEngine, string, ExpressionSpec, object>>();
    }

    public string Name => Descriptor.Name;
    public InputDescriptor Descriptor { get; }
    public Type ValueType { get; }
    public ExpressionSpec? Default { get; }

    public static InputBinding For(PropertyInfo property, InputAttribute a)
    {
        var valueType = property.PropertyType.GetGenericArguments()[0];
        var defaultValue = a.DefaultJson is null ? null : JsonNode.Parse(a.DefaultJson);
        var descriptor = new InputDescriptor(ActivityType.CamelCase(property.Name), ValueConverter.TypeName(valueType), a.Description,
            a.Required, defaultValue, a.UIHint, a.Options);
        return new InputBinding(property, descriptor, valueType, a.DefaultJson is null ? null : ExpressionSpec.Of(defaultValue));
    }

    /// <summary>Compiles the expression and sets the property; throws <see cref="ExpressionException"/> when it does not compile.</summary>
    public void Bind(IActivity activity, ExpressionEngine engine, ExpressionSpec spec) => _property.SetValue(activity, _create(engine, Name, spec));

    private static object CreateInput<T>(ExpressionEngine engine, string name, ExpressionSpec spec) => new Input<T>(name, spec, engine.Compile<T>(spec));
}

internal sealed class OutputBinding
{
    private static readonly MethodInfo CreateMethod = typeof(OutputBinding).GetMethod(nameof(CreateOutput), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly PropertyInfo _property;
    private readonly Func<string, string?, object> _create;

    private OutputBinding(PropertyInfo property, OutputDescriptor descriptor, Type valueType)
    {
        _property = property;
        Descriptor = descriptor;
        _create = CreateMethod.MakeGenericMethod(valueType).CreateDelegate<Func<string, string?, object>>();
    }

    public string Name => Descriptor.Name;
    public OutputDescriptor Descriptor { get; }

    public static OutputBinding For(PropertyInfo property, OutputAttribute a)
    {
        var valueType = property.PropertyType.GetGenericArguments()[0];
        return new OutputBinding(property, new OutputDescriptor(ActivityType.CamelCase(property.Name), ValueConverter.TypeName(valueType), a.Description), valueType);
    }

    public void Bind(IActivity activity, string? variable) => _property.SetValue(activity, _create(Name, variable));

    private static object CreateOutput<T>(string name, string? variable) => new Output<T>(name, variable);
}
