namespace AfterSales.Cases;

/// <summary>
/// The name an effect is stored under (<c>workflow_effects.type</c>). It is data: once rows carry it, keep it when the
/// class is renamed or moved, and never give it to another effect.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EffectNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
