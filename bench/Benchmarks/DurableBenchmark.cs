using System.Diagnostics;
using System.Text.Json.Nodes;
using AfterSales.Activities;
using AfterSales.Persistence;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.Embedded;
using AfterSales.Workflows;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Benchmarks;

/// <summary>
/// Issue 3's durable benchmark on a throwaway PostgreSQL cluster (fsync on, as in production): starts per second
/// (start to the first human-task bookmark, committed) and resumes per second, with pgbench's single-row INSERT
/// rate on the same server as the ceiling; then the start rate again with 100,000 more instances stored.
/// </summary>
internal static class DurableBenchmark
{
    private static readonly JsonObject Approve = new() { ["outcome"] = "Approve" };

    public static async Task RunAsync(int operations, int callers, bool durable)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aftersales-bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = durable });
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddAfterSalesWorkflows().AddCoreActivities();
            services.AddAfterSalesPersistence(cluster.ConnectionString);
            await using var provider = services.BuildServiceProvider();
            await provider.MigrateAfterSalesDatabaseAsync();
            var definitions = provider.GetRequiredService<WorkflowDefinitionService>();
            await definitions.SaveDraftAsync(EngineBenchmark.Flow(js: false));
            await definitions.PublishAsync("bench");
            var runtime = provider.GetRequiredService<WorkflowRuntime>();

            Console.WriteLine($"durable, PostgreSQL {(durable ? "fsync on" : "fsync off")}, {callers} concurrent callers, {operations:N0} operations each measure");
            var ceiling = PgbenchInsertRate(cluster, callers);
            Console.WriteLine($"  pgbench single-row INSERT (ceiling)   {ceiling,10:N0} tx/s");

            await StartsAsync(runtime, 500, callers); // warm-up: JIT, prepared statements, pools
            var (startRate, started) = await StartsAsync(runtime, operations, callers);
            Console.WriteLine($"  starts (to first human task)         {startRate,10:N0} /s   with {await CountAsync(cluster):N0} instances stored");
            var resumeRate = await ResumesAsync(runtime, started, callers);
            Console.WriteLine($"  resumes (task to end)                {resumeRate,10:N0} /s");

            await FillAsync(cluster, 100_000);
            var (startRateFull, _) = await StartsAsync(runtime, operations, callers);
            Console.WriteLine($"  starts with {await CountAsync(cluster):N0} instances stored  {startRateFull,10:N0} /s   ({(startRateFull / startRate - 1) * 100:+0.0;-0.0} % vs. the first measure)");
        }
        finally
        {
            await cluster.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<(double Rate, List<(string Id, string Bookmark)> Started)> StartsAsync(WorkflowRuntime runtime, int operations, int callers)
    {
        var started = new List<(string, string)>(operations);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < operations)
            {
                var result = await runtime.StartAsync("bench");
                var instance = result.Instance!;
                if (instance.Status != WorkflowStatus.Suspended) throw new InvalidOperationException("the start did not reach the human task");
                lock (started) started.Add((instance.Id, instance.Bookmarks[0].Id));
            }
        })));
        return (operations / clock.Elapsed.TotalSeconds, started);
    }

    private static async Task<double> ResumesAsync(WorkflowRuntime runtime, List<(string Id, string Bookmark)> started, int callers)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < started.Count)
            {
                var result = await runtime.ResumeAsync(started[i].Id, started[i].Bookmark, Approve);
                if (result.Instance?.Status != WorkflowStatus.Completed) throw new InvalidOperationException("the resume did not complete the instance");
            }
        })));
        return started.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Copies a real instance row (with new ids) until <paramref name="count"/> more are stored: fast, and the same shape as real ones.</summary>
    private static async Task FillAsync(EmbeddedPostgres cluster, int count)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into aftersales.workflow_instances (id, definition_id, definition_version, status, correlation_id, parent_instance_id, state, created_at, updated_at, finished_at, version)
            select md5(random()::text || g), definition_id, definition_version, status, 'AS-FILL-' || g, null, state, created_at, updated_at, finished_at, version
            from aftersales.workflow_instances, generate_series(1, @count) g
            where id = (select min(id) from aftersales.workflow_instances);
            analyze aftersales.workflow_instances;
            """, connection);
        command.Parameters.AddWithValue("count", count);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(EmbeddedPostgres cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from aftersales.workflow_instances", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>pgbench with a one-row INSERT per transaction, the same concurrency, on the same server.</summary>
    private static double PgbenchInsertRate(EmbeddedPostgres cluster, int callers)
    {
        var script = Path.GetTempFileName();
        File.WriteAllText(script, "insert into bench_ceiling (v) values (1);\n");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
            using (var connection = new NpgsqlConnection(cluster.ConnectionString))
            {
                connection.Open();
                using var create = new NpgsqlCommand("create table if not exists bench_ceiling (id bigserial primary key, v int)", connection);
                create.ExecuteNonQuery();
            }
            var psi = new ProcessStartInfo("pgbench", $"-n -h {builder.Host} -p {builder.Port} -U {builder.Username} -c {callers} -j {Math.Min(callers, 2)} -T 10 -f {script} {builder.Database}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["PGPASSWORD"] = builder.Password; // the embedded cluster requires its password
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
