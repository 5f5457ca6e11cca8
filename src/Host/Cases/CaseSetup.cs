using AfterSales.Activities.Mail;
using AfterSales.Persistence.Cases;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Cases;

internal static class CaseSetup
{
    /// <summary>
    /// Binds <see cref="MailRecipientOptions"/> (<c>Mail:AllowedAddresses</c>, the literal addresses workflows may mail) and
    /// <see cref="CaseOptions"/>: <c>Host:PublicBaseUrl</c> (survey links) and <c>Mail:Roles:&lt;role&gt;</c>, addresses
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
                    options.RoleAddresses[role.Key] = ListOrSeparated(role);
            })
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Host:PublicBaseUrl must be an absolute http(s) address, e.g. https://aftersales.example.com")
            .ValidateOnStart();
        builder.Services.AddOptions<MailRecipientOptions>()
            .Configure<IConfiguration>((options, configuration) => options.AllowedAddresses = ListOrSeparated(configuration.GetSection("Mail:AllowedAddresses")))
            .Validate(o => o.AllowedAddresses.All(MailRecipients.IsAddress), "Mail:AllowedAddresses must hold mail addresses only, e.g. service@example.com")
            .ValidateOnStart();
        // The activities and the definition rule take the value (Activities does not reference the options library).
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailRecipientOptions>>().Value);
    }

    /// <summary>A setting given as a list (<c>X:0</c>, <c>X:1</c>…) or as one value separated by commas or semicolons.</summary>
    private static string[] ListOrSeparated(IConfigurationSection section)
    {
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value).OfType<string>();
        return values.SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
    }
}
