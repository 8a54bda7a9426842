using Capteur.Cli.Serial;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Node.Config;
using Capteur.Node.Storage;
using Capteur.VirtualNode.Adapters;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// A node SIGKILLed while its console saves, over and over: the config it finds on the next start (read as the node
/// reads it, <see cref="AtomicFile.Read"/> settling a leftover temp file) parses without an error and is either the
/// config before the save or the one saved, never a mix or a cut.
/// </summary>
[TestClass]
public class SaveKillTests
{
    private const int Rounds = 12;

    [TestMethod]
    [Timeout(300000)]
    public void A_node_killed_with_sigkill_during_saves_keeps_the_previous_or_the_new_config()
    {
        using Mosquitto broker = Mosquitto.Start();
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        var random = new Random(20261123);
        int tempAlone = 0;
        int tempBeside = 0;
        int totalSaves = 0;
        for (int round = 0; round < Rounds; round++)
        {
            using PtyPair pty = PtyPair.Start();
            // every start applies --topic maison/a and saves it: each round begins from config A
            using CapteurProcess node = ConsoleNode.Start(pty, data, broker.Port, "maison/a");
            NodeConfig configA = ConfigureTests.Parse(data);
            NodeConfig configB = configA.Clone();
            Assert.IsNull(configB.TrySet("node.topic", "maison/b"));

            int saves = 0;
            string? failed = null;
            using FileStream tool = PtyPair.Open(pty.ToolEnd);
            using var reader = new ConsoleLineReader(tool);
            var console = new JsonConsoleClient(tool, reader, pty.ToolEnd, TimeSpan.FromSeconds(2));
            console.EnterJsonMode();
            var firstSave = new ManualResetEventSlim();
            var saving = new Thread(() =>
            {
                try
                {
                    for (int i = 0; ; i++)
                    {
                        foreach (string command in new[] { "set node.topic maison/" + (i % 2 == 0 ? "b" : "a"), "save" })
                        {
                            System.Text.Json.JsonElement answer = console.Run(command);
                            if (!answer.GetProperty("ok").GetBoolean())
                            {
                                failed ??= $"{command}: {answer}";
                            }
                        }

                        Interlocked.Increment(ref saves);
                        firstSave.Set();
                    }
                }
                catch (ConsoleException)
                {
                    // the node was killed: no more answers
                }
            }) { IsBackground = true };
            saving.Start();
            Assert.IsTrue(firstSave.Wait(TimeSpan.FromSeconds(30)), "a first save answered");
            Thread.Sleep(random.Next(0, 400));
            node.Kill9();
            tool.Dispose();
            Assert.IsTrue(saving.Join(TimeSpan.FromSeconds(10)), "the saving loop ended with the node");
            totalSaves += Volatile.Read(ref saves);
            // a save racing the restart of the previous one must not fail either
            Assert.IsNull(failed, $"round {round}: a command failed while the node was alive: {failed}");

            string temp = ConsoleNode.ConfigPath(data) + AtomicFile.TempSuffix;
            bool hadFile = File.Exists(ConsoleNode.ConfigPath(data));
            if (File.Exists(temp))
            {
                _ = hadFile ? tempBeside++ : tempAlone++;
            }

            byte[] settled = AtomicFile.Read(new FolderStorage(data), ConfigStore.FileName);
            Assert.IsNotNull(settled, $"round {round}: no config left at all");
            ConfigLoadResult loaded = ConfigFile.Parse(settled);
            Assert.AreEqual(0, loaded.Errors.Length, $"round {round}: " + string.Join("; ", loaded.Errors.Select(e => e.ToString())));
            Assert.IsTrue(loaded.Config.ContentEquals(configA) || loaded.Config.ContentEquals(configB),
                $"round {round}: the config left is neither the previous nor the saved one:\n{System.Text.Encoding.UTF8.GetString(settled)}");
        }

        Console.WriteLine($"{Rounds} kills during {totalSaves} answered saves; a temp file was left beside the config {tempBeside} times, alone (cut between delete and move) {tempAlone} times");
    }
}
