using System.Text.Json.Nodes;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>Writes what the reader decoded in the shape of expected.jsonl, field by field.</summary>
internal static class CnProcJson
{
    public static JsonObject Decode(string file, ReadOnlySpan<byte> buffer)
    {
        var messages = new JsonArray();
        var reader = new CnProcMessageReader(buffer);
        while (reader.TryRead(out var message))
        {
            messages.Add(ToJson(message));
        }

        return new JsonObject
        {
            ["file"] = file,
            ["bytes"] = buffer.Length,
            ["messages"] = messages,
            ["malformed"] = reader.FormatMalformation(),
        };
    }

    private static JsonObject ToJson(in CnProcMessage message)
    {
        var h = message.Header;
        var json = new JsonObject
        {
            ["nlmsg"] = new JsonObject
            {
                ["len"] = h.Length, ["type"] = h.Type, ["flags"] = h.Flags, ["seq"] = h.Sequence, ["pid"] = h.PortId,
            },
        };
        if (message.HasConnector)
        {
            var c = message.Connector;
            json["cn_msg"] = new JsonObject
            {
                ["idx"] = c.Index, ["val"] = c.Value, ["seq"] = c.Sequence, ["ack"] = c.Acknowledgement, ["len"] = c.Length, ["flags"] = c.Flags,
            };
        }

        if (message.HasProcEvent)
        {
            json["proc_event"] = ToJson(message.Event);
        }

        if (message.HasError)
        {
            json["error"] = message.Error;
        }

        return json;
    }

    private static JsonObject ToJson(ProcEvent e)
    {
        var json = new JsonObject
        {
            ["what"] = (uint)e.What,
            ["kind"] = KindName(e.What),
            ["cpu"] = e.Cpu,
            ["timestamp_ns"] = e.TimestampNs,
        };
        switch (e.What)
        {
            case ProcEventWhat.None:
                json["err"] = e.Err;
                break;
            case ProcEventWhat.Fork:
                json["parent_pid"] = e.ParentPid;
                json["parent_tgid"] = e.ParentTgid;
                json["child_pid"] = e.ChildPid;
                json["child_tgid"] = e.ChildTgid;
                break;
            case ProcEventWhat.Exec or ProcEventWhat.Sid:
                AddProcess(json, e);
                break;
            case ProcEventWhat.Uid:
                AddProcess(json, e);
                json["real_id"] = e.Ruid;
                json["effective_id"] = e.Euid;
                break;
            case ProcEventWhat.Gid:
                AddProcess(json, e);
                json["real_id"] = e.Rgid;
                json["effective_id"] = e.Egid;
                break;
            case ProcEventWhat.Ptrace:
                AddProcess(json, e);
                json["tracer_pid"] = e.TracerPid;
                json["tracer_tgid"] = e.TracerTgid;
                break;
            case ProcEventWhat.Comm:
                AddProcess(json, e);
                json["comm"] = e.GetCommName();
                break;
            case ProcEventWhat.Coredump:
                AddProcess(json, e);
                json["parent_pid"] = e.CoredumpParentPid;
                json["parent_tgid"] = e.CoredumpParentTgid;
                break;
            case ProcEventWhat.Exit:
                AddProcess(json, e);
                json["exit_code"] = e.ExitCode;
                json["exit_signal"] = e.ExitSignal;
                json["parent_pid"] = e.ExitParentPid;
                json["parent_tgid"] = e.ExitParentTgid;
                break;
        }

        return json;
    }

    private static void AddProcess(JsonObject json, in ProcEvent e)
    {
        json["process_pid"] = e.ProcessPid;
        json["process_tgid"] = e.ProcessTgid;
    }

    private static string KindName(ProcEventWhat what) => what switch
    {
        ProcEventWhat.None => "none",
        ProcEventWhat.Fork => "fork",
        ProcEventWhat.Exec => "exec",
        ProcEventWhat.Uid => "uid",
        ProcEventWhat.Gid => "gid",
        ProcEventWhat.Sid => "sid",
        ProcEventWhat.Ptrace => "ptrace",
        ProcEventWhat.Comm => "comm",
        ProcEventWhat.Coredump => "coredump",
        ProcEventWhat.Exit => "exit",
        _ => "unknown",
    };
}
