global using Network.Domain.Authorization;
global using Network.Domain.Families;
global using Network.Domain.Items;
global using Network.Domain.Registry;
global using Network.Domain.Plans;
