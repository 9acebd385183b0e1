"""The till's use cases as its front ends call them: one typed, Qt-free facade per audience.

`till.TillBackend` (the cashier's screens and `ntt-pos receipt` / `report`), `admin.AdminBackend`
(settings, users, cash in/out, rejected sync events) and `backoffice.BackOfficeBackend` (the store
manager's catalog, stock and consignment). Each method opens one unit of work from the factory it was
given (`Database.unit_of_work`), calls services and returns their dataclasses.

Who commits (docs/architecture.md): a service function that carries out a whole user action commits
its own unit of work; a service function that is a building block (`settings.put`, `audit.record`,
`outbox.*`, `open_cart.discard(commit=False)`) never commits. This layer never commits: it opens a unit
of work, may add building blocks to it, and lets one use case commit it, or lets it roll back on exit.
"""
