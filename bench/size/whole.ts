// The whole library, every export of the root entry kept.
export * from 'moral-bank'
