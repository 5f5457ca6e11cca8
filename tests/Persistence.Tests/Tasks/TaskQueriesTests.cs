using System.Text.Json.Nodes;
using AfterSales.Persistence.Tasks;
using AfterSales.Persistence.Tests.Infrastructure;
using AfterSales.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AfterSales.Persistence.Tests.Tasks;

/// <summary>The inbox query: which tasks, in which order, page by page, with their case's columns; and how it is read.</summary>
public sealed class TaskQueriesTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly TaskInbox Mine = new("wang", ["aftersales"]);

    private TaskQueries Queries => Host.Services.GetRequiredService<TaskQueries>();

    [Fact]
    public async Task Inbox_PagesThroughMyOpenTasksDueFirst_EachRowWithItsCase()
    {
        await AddCaseAsync("case-1", "AS-2026-000001", "complaint", "王芳", "华安电子");
        await AddCaseAsync("case-2", "AS-2026-000002", "return_item", "李强", "科达电器");
        await AddTaskAsync("late", "case-2", "aftersales", dueHours: -2);
        await AddTaskAsync("early", "case-1", "aftersales", dueHours: 1, createdHours: -5);
        await AddTaskAsync("later", "case-1", "aftersales", dueHours: 1, createdHours: -1);
        await AddTaskAsync("no-case", null, "aftersales", dueHours: 2);
        await AddTaskAsync("claimed-by-me", "case-2", "repair", dueHours: 3, status: "claimed", claimedBy: "wang");
        await AddTaskAsync("undated", "case-2", "aftersales", dueHours: null);
        await AddTaskAsync("other-role", "case-1", "sales", dueHours: -5);
        await AddTaskAsync("done", "case-1", "aftersales", dueHours: -9, status: "completed");
        await AddTaskAsync("for-someone-else", "case-1", "aftersales", dueHours: -8, assignee: "li");

        var first = await Queries.ListAsync(new TaskFilter(PageSize: 4) { Mine = Mine });
        var second = await Queries.ListAsync(new TaskFilter(Page: 2, PageSize: 4) { Mine = Mine });

        Assert.Equal((6L, 6L), (first.Total, second.Total));
        Assert.Equal(["late", "early", "later", "no-case"], first.Items.Select(t => t.Id));
        Assert.Equal(["claimed-by-me", "undated"], second.Items.Select(t => t.Id));
        var late = first.Items[0];
        Assert.Equal(("AS-2026-000002", "return_item", "李强", "科达电器"),
            (late.CaseNumber, late.CaseKind, late.CustomerName, late.CustomerCompany));
        Assert.Equal("AS-2026-000001", first.Items[1].CaseNumber);
        Assert.Null(first.Items[3].CaseNumber);
    }

    [Fact]
    public async Task Inbox_OfOneKind_PagesThroughThatKindsTasksOnly()
    {
        await AddCaseAsync("case-1", "AS-2026-000001", "complaint", "王芳", "华安电子");
        await AddCaseAsync("case-2", "AS-2026-000002", "return_item", "李强", "科达电器");
        for (var i = 0; i < 6; i++) await AddTaskAsync($"task-{i}", i % 2 == 0 ? "case-1" : "case-2", "aftersales", dueHours: i);

        var first = await Queries.ListAsync(new TaskFilter(PageSize: 2) { Mine = Mine, Kind = "return_item" });
        var second = await Queries.ListAsync(new TaskFilter(Page: 2, PageSize: 2) { Mine = Mine, Kind = "return_item" });

        Assert.Equal(3, first.Total);
        Assert.Equal(["task-1", "task-3"], first.Items.Select(t => t.Id));
        Assert.Equal(["task-5"], second.Items.Select(t => t.Id));
        Assert.All(first.Items.Concat(second.Items), t => Assert.Equal("return_item", t.CaseKind));
    }

    [Fact]
    public async Task InboxFirstPage_IsReadInDueOrderFromTheOpenTasksIndex_NotSortedFromEveryOpenTask()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using (var fill = dataSource.CreateCommand("""
            insert into aftersales.cases (id, number, kind, channel, customer, product, hosts, accessories, description,
                status, created_at, updated_at)
            select 'case-' || n, 'AS-2026-' || lpad(n::text, 6, '0'), 'complaint', 'phone', '{"name": "客户"}', '{}', 1, 0,
                'x', 'open', now(), now()
            from generate_series(1, 500) n;
            insert into aftersales.tasks (id, case_id, instance_id, activity_id, role, title, outcomes, due_at, status, created_at)
            select 'task-' || n, 'case-' || (1 + n % 500), 'instance', 'activity', (array['aftersales', 'sales'])[1 + n % 2],
                'Task ' || n, array['Done'], now() + (n % 97) * interval '1 hour',
                (array['open', 'open', 'claimed', 'completed'])[1 + n % 4], now()
            from generate_series(1, 5000) n;
            analyze aftersales.cases;
            analyze aftersales.tasks;
            """))
            await fill.ExecuteNonQueryAsync();

        var (where, parameters) = TaskQueries.Criteria(new TaskFilter { Mine = Mine });
        await using var explain = dataSource.CreateCommand("explain (format json) " + TaskQueries.ListSql(where, 20, 1));
        explain.Parameters.AddRange(parameters.ToArray());
        var plan = JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)!;

        // The 20 rows may be sorted again after their cases are joined; the 3,750 open tasks must not be.
        var nodes = Nodes(plan[0]!["Plan"]!).ToList();
        Assert.True(nodes.Any(n => (string?)n["Index Name"] == "ix_tasks_open_due"), plan.ToJsonString());
        Assert.True(nodes.All(n => (string)n["Node Type"]! != "Sort" || (double)n["Plan Rows"]! <= 20), plan.ToJsonString());
        Assert.True(nodes.All(n => (string)n["Node Type"]! != "Seq Scan" || (string)n["Relation Name"]! != "tasks"),
            plan.ToJsonString());
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) =>
        [node, .. (node["Plans"]?.AsArray() ?? []).SelectMany(child => Nodes(child!))];

    private async Task AddCaseAsync(string id, string number, string kind, string customer, string company)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("""
            insert into aftersales.cases (id, number, kind, channel, customer, product, hosts, accessories, description,
                status, created_at, updated_at)
            values ($1, $2, $3, 'phone', jsonb_build_object('name', $4::text, 'company', $5::text), '{}', 1, 0, 'x', 'open',
                $6, $6)
            """);
        foreach (var value in new object[] { id, number, kind, customer, company, Time.GetUtcNow() })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    private async Task AddTaskAsync(string id, string? caseId, string role, int? dueHours, int createdHours = -10,
        string status = "open", string? claimedBy = null, string? assignee = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("""
            insert into aftersales.tasks (id, case_id, instance_id, activity_id, role, title, outcomes, due_at, status,
                claimed_by, assignee, created_at)
            values ($1, $2, 'instance', 'activity', $3, 'Task ' || $1, array['Done'], $4, $5, $6, $7, $8)
            """);
        var now = Time.GetUtcNow();
        foreach (var value in new object?[] { id, caseId, role, now.AddHours(dueHours ?? 0), status, claimedBy, assignee,
                     now.AddHours(createdHours) })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        if (dueHours is null) command.Parameters[3].Value = DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }
}
