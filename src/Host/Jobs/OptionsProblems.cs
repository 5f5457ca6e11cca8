using Microsoft.Extensions.Options;

namespace AfterSales.Host.Jobs;

/// <summary>Validates options through their own <c>Validate()</c> list, so a failed start names every problem, not the first.</summary>
internal sealed class OptionsProblems<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
