/** The system's mark: a round seal with 帮. */
export default function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ flex: 'none' }}>
      <circle cx="16" cy="16" r="15" fill="#1677ff" stroke="#ffffff" strokeWidth="1.5" />
      <text x="16" y="21.5" fontSize="16" textAnchor="middle" fill="#ffffff" fontWeight="bold">
        帮
      </text>
    </svg>
  );
}
