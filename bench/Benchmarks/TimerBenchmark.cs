using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfterSales.Activities;
using AfterSales.Persistence;
using AfterSales.Persistence.Definitions;
using AfterSales.Persistence.Embedded;
using AfterSales.Workflows;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Benchmarks;

/// <summary>
/// Workflow timers fired by real Host processes (Hangfire, the timer pump) on a throwaway PostgreSQL cluster, with
/// 100,000 timer bookmarks pending: an idle Host's statements per second (pg_stat_statements), the lag of single
/// timers, and how long 10,000 timers falling due in the same second take to fire. The Hosts run with the default
/// <c>Jobs</c> settings; <c>Jobs__…</c> environment variables of this process reach them.
/// </summary>
internal static class TimerBenchmark
{
    private const string FarDefinition = "bench-wait-1d";
    private const string SingleDefinition = "bench-wait-3s";

    public static async Task RunAsync(int timers, int burst, int hosts, int singles, TimeSpan idle, bool durable)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aftersales-timers-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new EmbeddedPostgresOptions { DataDirectory = folder, Durable = durable };
        var cluster = await EmbeddedPostgres.StartAsync(options);
        var processes = new List<Process>();
        try
        {
            var counter = await StatementCounter.EnableAsync(cluster, options);
            cluster = counter.Cluster;
            var services = new ServiceCollection().AddLogging();
            services.AddAfterSalesWorkflows().AddCoreActivities();
            services.AddAfterSalesPersistence(cluster.ConnectionString);
            await using var provider = services.BuildServiceProvider();
            await provider.MigrateAfterSalesDatabaseAsync();
            var definitions = provider.GetRequiredService<WorkflowDefinitionService>();
            await definitions.ImportAsync(Delay(FarDefinition, "1d"), publish: true);
            await definitions.ImportAsync(Delay(SingleDefinition, "3s"), publish: true);
            var runtime = provider.GetRequiredService<WorkflowRuntime>();

            Console.WriteLine($"timers, PostgreSQL {(durable ? "fsync on" : "fsync off")}, {hosts} Host process(es), default Jobs settings");
            var template = (await runtime.StartAsync(FarDefinition)).Instance!;
            var clock = Stopwatch.StartNew();
            await CloneAsync(cluster, template.Id, "far", timers - burst - 1, DateTimeOffset.UtcNow.AddDays(1), spreadMs: 86_400_000);
            Console.WriteLine($"  {timers - burst:N0} timers due tomorrow created in {clock.Elapsed.TotalSeconds:F1} s (copies of a started instance)");

            for (var i = 0; i < hosts; i++) processes.Add(await StartHostAsync(cluster.ConnectionString));
            await Task.Delay(TimeSpan.FromSeconds(5)); // past the start's own statements (schema check, recurring jobs)

            var statements = await counter.CountAsync(idle);
            Console.WriteLine($"  idle: {statements.Total / idle.TotalSeconds / hosts,8:F1} statements/s per Host   ({counter.Method}; {statements.Total:N0} in {idle.TotalSeconds:F0} s, {hosts} Host(s))");
            foreach (var (calls, query) in statements.Top.Take(8))
                Console.WriteLine($"      {calls,6:N0}  {query}");

            var lags = new List<TimeSpan>();
            for (var i = 0; i < singles; i++)
            {
                await Task.Delay(Random.Shared.Next(0, 1000)); // a different phase of the pump's poll each time
                var instance = (await runtime.StartAsync(SingleDefinition)).Instance!;
                var due = instance.Bookmarks[0].DueAt!.Value;
                var finished = await FinishedAsync(cluster, instance.Id, TimeSpan.FromSeconds(30));
                lags.Add(finished - due);
            }
            Console.WriteLine($"  single timer lag (due → instance completed): {string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0} ms"))}   max {lags.Max().TotalMilliseconds:F0} ms");

            var dueSecond = DateTimeOffset.UtcNow.AddSeconds(8);
            dueSecond = new DateTimeOffset(dueSecond.Ticks - dueSecond.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            await CloneAsync(cluster, template.Id, "burst", burst, dueSecond, spreadMs: 1000);
            Console.WriteLine($"  {burst:N0} timers due in the second {dueSecond:HH:mm:ss} UTC created; {await PendingAsync(cluster):N0} timers pending");
            await counter.ResetAsync();
            var fired = await BurstFinishedAsync(cluster, burst, dueSecond, TimeSpan.FromSeconds(120));
            var burstStatements = await counter.TotalAsync();
            Console.WriteLine($"  burst: all {burst:N0} fired {(fired.Last - dueSecond).TotalSeconds:F2} s after the second began "
                + $"(first {(fired.First - dueSecond).TotalSeconds:F2} s, median {(fired.Median - dueSecond).TotalSeconds:F2} s); "
                + $"{burst / (fired.Last - fired.First).TotalSeconds:N0} resumes/s; {burstStatements / (double)burst:F1} statements per timer");
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.Dispose();
            }
            await cluster.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Start → Delay → End.</summary>
    private static string Delay(string id, string duration) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Waits {{duration}}",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "Delay", "duration": "{{duration}}" },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    /// <summary>
    /// Copies a waiting instance and its timer bookmark <paramref name="count"/> times with new ids, due from
    /// <paramref name="from"/> spread over <paramref name="spreadMs"/>: rows exactly as a start writes them, state included.
    /// </summary>
    private static async Task CloneAsync(EmbeddedPostgres cluster, string templateId, string tag, int count, DateTimeOffset from, int spreadMs)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("""
                    create temporary table clone on commit drop as
                    select g, 'bench-' || $1 || '-' || g as instance_id, 'bm-' || $1 || '-' || g as bookmark_id,
                           $2::timestamptz + ((g * 7919) % $4) * interval '1 millisecond' as due_at
                    from generate_series(1, $3) g
                    """),
                new("""
                    insert into aftersales.workflow_instances
                        (id, definition_id, definition_version, status, correlation_id, parent_instance_id, state, created_at, updated_at, finished_at, version)
                    select c.instance_id, i.definition_id, i.definition_version, i.status, null, null,
                           jsonb_set(jsonb_set(jsonb_set(i.state, '{id}', to_jsonb(c.instance_id)),
                               '{bookmarks,0,id}', to_jsonb(c.bookmark_id)), '{bookmarks,0,dueAt}', to_jsonb(c.due_at)),
                           i.created_at, i.updated_at, null, i.version
                    from aftersales.workflow_instances i, clone c where i.id = $1
                    """),
                new("""
                    insert into aftersales.workflow_bookmarks (id, instance_id, activity_id, name, key, due_at, payload, created_at)
                    select c.bookmark_id, c.instance_id, b.activity_id, b.name, b.key, c.due_at, b.payload, b.created_at
                    from aftersales.workflow_bookmarks b, clone c where b.instance_id = $1
                    """),
            },
            Timeout = 600,
        };
        var create = batch.BatchCommands[0];
        create.Parameters.Add(new NpgsqlParameter { Value = tag });
        create.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        create.Parameters.Add(new NpgsqlParameter { Value = count });
        create.Parameters.Add(new NpgsqlParameter { Value = spreadMs });
        batch.BatchCommands[1].Parameters.Add(new NpgsqlParameter { Value = templateId });
        batch.BatchCommands[2].Parameters.Add(new NpgsqlParameter { Value = templateId });
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        await using var analyze = new NpgsqlCommand("analyze aftersales.workflow_instances; analyze aftersales.workflow_bookmarks", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<DateTimeOffset> FinishedAsync(EmbeddedPostgres cluster, string instanceId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await ScalarAsync(cluster, "select finished_at from aftersales.workflow_instances where id = $1", instanceId) is DateTime finished)
                return new DateTimeOffset(finished, TimeSpan.Zero);
            await Task.Delay(20);
        }
        throw new TimeoutException($"instance {instanceId} did not complete within {timeout}");
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Median, DateTimeOffset Last)> BurstFinishedAsync(
        EmbeddedPostgres cluster, int count, DateTimeOffset dueSecond, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        // Counted through the due_at index: the burst's bookmarks are the only ones due by the end of its second.
        while (Convert.ToInt64(await ScalarAsync(cluster, "select count(*) from aftersales.workflow_bookmarks where due_at < $1",
                   dueSecond.AddSeconds(1).UtcDateTime)) > 0)
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"the burst did not fire within {timeout}");
            await Task.Delay(100);
        }
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select min(finished_at), percentile_disc(0.5) within group (order by finished_at), max(finished_at), count(*)
            from aftersales.workflow_instances where id like 'bench-burst-%' and status = 'Completed'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.GetInt64(3) != count) throw new InvalidOperationException($"{reader.GetInt64(3)} of {count} burst instances completed");
        return (new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
            new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero));
    }

    private static Task<object?> PendingAsync(EmbeddedPostgres cluster) =>
        ScalarAsync(cluster, "select count(*) from aftersales.workflow_bookmarks where due_at is not null");

    private static async Task<object?> ScalarAsync(EmbeddedPostgres cluster, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A Host process as an operator starts it (its build output, in this build's configuration) on the cluster.</summary>
    private static async Task<Process> StartHostAsync(string connectionString)
    {
        var dll = HostDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__AfterSales"] = connectionString;
        start.Environment["Workflows__SeedFolder"] = Path.Combine(Path.GetTempPath(), "aftersales-no-seeds");
        start.Environment["Seed__Password"] = "bench-password-1";
        start.Environment["Smtp__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"the Host exited while starting:\n{output}");
            try
            {
                if ((await http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK) return process;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the Host did not start:\n{output}");
    }

    private static string HostDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/bin/Release/net10.0
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AfterSales.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"AfterSales.sln was not found above {here.FullName}");
        var dll = Path.Combine(root.FullName, "src", "Host", "bin", here.Parent!.Name, here.Name, "AfterSales.Host.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build src/Host in {here.Parent.Name} first");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
