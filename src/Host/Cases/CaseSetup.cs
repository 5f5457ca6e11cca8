using AfterSales.Persistence.Cases;

namespace AfterSales.Host.Cases;

internal static class CaseSetup
{
    /// <summary>
    /// Binds <see cref="CaseOptions"/>: <c>Host:PublicBaseUrl</c> (survey links) and <c>Mail:Roles:&lt;role&gt;</c>, addresses
    /// that receive mail to a role besides its users: a list (<c>Mail:Roles:gm:0</c>, …) or one value separated by
    /// commas or semicolons.
    /// </summary>
    public static void AddCaseOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PersonalData>();
        builder.Services.AddOptions<CaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration["Host:PublicBaseUrl"] is { Length: > 0 } url) options.PublicBaseUrl = url;
                foreach (var role in configuration.GetSection("Mail:Roles").GetChildren())
                {
                    var values = role.Value is { } single ? [single] : role.GetChildren().Select(c => c.Value).OfType<string>();
                    options.RoleAddresses[role.Key] = values
                        .SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .ToArray();
                }
            })
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Host:PublicBaseUrl must be an absolute http(s) address, e.g. https://aftersales.example.com")
            .ValidateOnStart();
    }
}
