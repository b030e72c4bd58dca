"""Fees, the payment gateway and receipts (issue: payments)."""
