"""The simulated national population registry (Cơ sở dữ liệu quốc gia về dân cư).

In production this is an external system reached through the national data
sharing platform; here it is a set of tables the simulated VNeID provider
reads. People in the registry are not portal accounts.
"""
