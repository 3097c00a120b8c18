global using Network.Contracts;
