import { data } from 'react-router';

// Any address that is no intake page: the root's error boundary says so in the address's language (Dutch).
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
