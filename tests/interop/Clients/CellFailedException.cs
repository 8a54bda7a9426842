namespace Capteur.Interop.Tests.Clients;

/// <summary>A check of a cell did not hold; the message is the cell's detail (what was expected and what was seen).</summary>
internal sealed class CellFailedException(string detail) : Exception(detail);
