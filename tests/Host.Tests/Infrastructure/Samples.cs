namespace AfterSales.Host.Tests.Infrastructure;

/// <summary>Workflow JSON as the designer sends it (the Elsa-like shape).</summary>
internal static class Samples
{
    /// <summary>Start → a human task offering Approve / Reject (its choice stored in <c>decision</c>) → End. Needs input <c>caseNumber</c>.</summary>
    public static string Approval(string id, string title = "Approve the return") => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Return approval",
          "description": "退货审批",
          "variables": [ { "name": "decision", "type": "String" } ],
          "inputs": [ { "name": "caseNumber", "type": "String", "required": true } ],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "approve", "type": "HumanTask", "role": "aftersales", "title": "{{title}}",
                "outcomes": ["Approve", "Reject"], "outcome": { "variable": "decision" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "approve", "port": "In" } },
              { "source": { "activity": "approve", "port": "Approve" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "approve", "port": "Reject" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Start → waits for <paramref name="signal"/> (its payload stored in <c>received</c>) → End.</summary>
    public static string WaitsForSignal(string id, string signal) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Waits for a signal",
          "variables": [ { "name": "received", "type": "Any" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForSignal", "signal": "{{signal}}", "payload": { "variable": "received" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    /// <summary>Start → a variable set by a script that always throws: the instance faults.</summary>
    public static string Faulting(string id) => $$"""
        {
          "definitionId": "{{id}}",
          "name": "Always faults",
          "variables": [ { "name": "x", "type": "Any" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "boom", "type": "SetVariable", "variable": "x",
                "value": { "type": "JavaScript", "value": "(() => { throw new Error('boom'); })()" } }
            ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "boom" } } ]
          }
        }
        """;
}
