using System.Diagnostics;
using AfterSales.Host.Tests.Infrastructure;
using AfterSales.TestSupport;
using AfterSales.TestSupport.Postgres;

namespace AfterSales.Host.Tests.OpenApi;

/// <summary>
/// The web application's API types (<c>ClientApp/src/shared/api/schema.d.ts</c>, committed) are what openapi-typescript
/// makes of the document this Host serves, so a changed endpoint cannot leave the client calling it the old way.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientApiTypesTests(PostgresFixture postgres, HostFixture host) : HostTest(postgres, host)
{
    private const string Committed = "src/shared/api/schema.d.ts";

    [Fact]
    public async Task CommittedClientTypes_AreWhatTheServedDocumentGenerates()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");
        var work = Directory.CreateTempSubdirectory("aftersales-api-types-");
        try
        {
            var documentFile = Path.Combine(work.FullName, "v1.json");
            var generated = Path.Combine(work.FullName, "schema.d.ts");
            await File.WriteAllTextAsync(documentFile, document);

            await RunGeneratorAsync(documentFile, generated);

            var expected = await File.ReadAllTextAsync(generated);
            var actual = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.ClientApp, Committed));
            if (expected != actual)
            {
                // Kept where CI keeps its output, so the fix is one command away.
                var saved = Path.Combine(RepositoryFolders.CiOutput, "openapi", "v1.json");
                Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
                File.Copy(documentFile, saved, overwrite: true);
                Assert.Fail($"{Committed} differs from what the served OpenAPI document generates: in src/Host/ClientApp run " +
                    $"`npm run gen:api -- {Path.GetRelativePath(RepositoryFolders.ClientApp, saved)}` and commit the result.");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task RunGeneratorAsync(string documentFile, string output)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryFolders.ClientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "scripts/gen-api.mjs", documentFile, "--out", output }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"gen-api.mjs failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
