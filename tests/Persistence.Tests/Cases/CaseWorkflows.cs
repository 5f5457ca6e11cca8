using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Persistence.Cases;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Persistence.Tests.Cases;

/// <summary>Small case workflows built from the after-sales activities, and the cases they open.</summary>
internal static class CaseWorkflows
{
    /// <summary>
    /// Start → case received → a task for after-sales (the title reads the <c>caseFile</c> global) → Done: mail manager,
    /// customer, owner, a user and an address, survey the customer, close | Reject: reject. The task names <paramref name="form"/> when given.
    /// </summary>
    public static WorkflowDefinition Handles(string definitionId, string? form = null)
    {
        var task = new List<(string, ExpressionSpec)>
        {
            ("role", ExpressionSpec.Of("aftersales")),
            ("title", ExpressionSpec.Template("Look at {{ caseFile.number }} for {{ caseFile.customer.name }}")),
            ("outcomes", ExpressionSpec.Of(new JsonArray("Done", "Reject"))),
            ("dueIn", ExpressionSpec.Of("PT4H")),
        };
        if (form is not null) task.Add(("form", ExpressionSpec.Of(form)));
        return new WorkflowBuilder(definitionId)
            .Input("caseNumber", "String")
            .Input("case", "Object")
            .Variable("eventSequence", "Number", 0)
            .Activity("start", "Start")
            .Activity("received", "UpdateCase", ("status", ExpressionSpec.Of("open")), ("note", ExpressionSpec.Of("Received")))
            .Activity("task", "HumanTask", [.. task])
            .Activity("owner", "UpdateCase", ("owner", ExpressionSpec.Of("bob")))
            .Activity("mail", "SendEmail",
                ("to", ExpressionSpec.Of(new JsonArray("role:aftersales_manager", "customer", "owner", "user:carol", "ops@example.com"))),
                ("subject", ExpressionSpec.Template("[{{ caseFile.number }}] Done")),
                ("body", ExpressionSpec.Of("We are done.")))
            .Activity("survey", "SendSurvey",
                ("subject", ExpressionSpec.Of("How did we do?")),
                ("body", ExpressionSpec.Of("Please rate us: {{ surveyLink }}")))
            .Activity("closed", "UpdateCase", ("status", ExpressionSpec.Of("closed")))
            .Activity("rejected", "UpdateCase", ("status", ExpressionSpec.Of("rejected")))
            .Connect("start", "received").Connect("received", "task")
            .Connect("task", "Done", "owner").Connect("owner", "mail").Connect("mail", "survey").Connect("survey", "closed")
            .Connect("task", "Reject", "rejected")
            .Build();
    }

    /// <summary>Start → first-response SLA clock (24 h) → a task → escalate to level 1 → record the first response.</summary>
    public static WorkflowDefinition Escalates(string definitionId) => new WorkflowBuilder(definitionId)
        .Input("caseNumber", "String")
        .Input("case", "Object")
        .Variable("eventSequence", "Number", 0)
        .Activity("start", "Start")
        .Activity("clock", "StartSlaClock", ("due", ExpressionSpec.Of("PT24H")))
        .Activity("task", "HumanTask", ("role", ExpressionSpec.Of("aftersales")), ("title", ExpressionSpec.Of("Answer")))
        .Activity("escalate", "Escalate", ("level", ExpressionSpec.Of(1)), ("to", ExpressionSpec.Of(new JsonArray("role:gm"))),
            ("subject", ExpressionSpec.Of("Escalated")), ("body", ExpressionSpec.Of("Late.")))
        .Activity("responded", "RecordFirstResponse", ("by", ExpressionSpec.Of("alice")))
        .Connect("start", "clock").Connect("clock", "task").Connect("task", "escalate").Connect("escalate", "responded")
        .Build();

    /// <summary>Start → fork: a task | a signal → wait-any join → end: the signal cancels the task.</summary>
    public static WorkflowDefinition Races(string definitionId) => new WorkflowBuilder(definitionId)
        .Input("caseNumber", "String")
        .Input("case", "Object")
        .Activity("start", "Start")
        .Activity("fork", "Fork", ("branches", ExpressionSpec.Of(new JsonArray("A", "B"))))
        .Activity("task", "HumanTask", ("role", ExpressionSpec.Of("sales")), ("title", ExpressionSpec.Of("Call the customer")))
        .Activity("wait", "WaitForSignal", ("signal", ExpressionSpec.Of("replied")))
        .Activity("join", "Join", ("mode", ExpressionSpec.Of("WaitAny")))
        .Activity("end", "End")
        .Connect("start", "fork").Connect("fork", "A", "task").Connect("fork", "B", "wait")
        .Connect("task", "join").Connect("wait", "join").Connect("join", "end")
        .Build();

    public static CaseOpened Opened(string caseId, string number, DateTimeOffset at, string? email = "li.wei@example.com") =>
        new(caseId, number, "complaint", "phone",
            new CaseCustomer("Li Wei", "Acme Ltd", "13800000000", email, "East"),
            new CaseProduct("X-100", "SN-1", new DateOnly(2026, 1, 5), new DateOnly(2027, 1, 5)),
            Hosts: 2, Accessories: 3, "The screen flickers", "alice", at);

    public static JsonObject Input(CaseOpened opened) => new() { ["caseNumber"] = opened.Number, ["case"] = opened.ToCaseFile() };
}
